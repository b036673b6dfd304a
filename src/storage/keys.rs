//! Storage key names: every key starts with the directory the app is served from.

/// The key naming the open workspace's slot (`ACTIVE` holds `OWN` or `EXAMPLE`).
pub const ACTIVE: &str = "active";
/// The slot of the user's own workspace.
pub const OWN: &str = "own";
/// The slot of the example.
pub const EXAMPLE: &str = "example";

/// The prefix of every key for an app whose page is at `pathname` (`location.pathname`): the
/// directory it is served from, so `/fichas/` and `/pruebas/` on one origin never share data.
/// `/fichas/index.html` and `/fichas/` give the same scope; an empty path is the root.
/// The first screen's script (`io::first_screen`) computes the same in JavaScript.
pub fn scope_of(pathname: &str) -> &str {
    match pathname.rfind('/') {
        Some(end) => &pathname[..=end],
        None => "/",
    }
}

/// The key `name` ("workspace.own", "active" …) within `scope`: `/fichas/ficha.workspace.own`.
pub fn scoped(scope: &str, name: &str) -> String {
    format!("{scope}ficha.{name}")
}

/// The key `name` had before keys were scoped, adopted once by the first deployment that loads.
pub fn legacy(name: &str) -> String {
    format!("ficha.{name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scope_is_the_directory_of_the_page() {
        assert_eq!(scope_of("/fichas/"), "/fichas/");
        assert_eq!(scope_of("/fichas/index.html"), "/fichas/");
        assert_eq!(scope_of("/"), "/");
        assert_eq!(scope_of(""), "/");
        assert_eq!(scope_of("/a/b/c"), "/a/b/");
    }

    #[test]
    fn two_deployments_on_one_origin_get_different_keys_and_neither_is_the_legacy_one() {
        let fichas = scoped(scope_of("/fichas/"), "workspace.own");
        let pruebas = scoped(scope_of("/pruebas/index.html"), "workspace.own");
        assert_eq!(fichas, "/fichas/ficha.workspace.own");
        assert_eq!(pruebas, "/pruebas/ficha.workspace.own");
        assert_ne!(scoped("/", "workspace.own"), legacy("workspace.own"));
        assert_eq!(legacy("active"), "ficha.active");
    }
}
