//! Prints the first screen of index.html (`io::first_screen`) as JSON `{script, html}`, for tools/post-build.mjs.

fn main() {
    let screen = ficha::io::first_screen::first_screen();
    println!("{}", serde_json::to_string(&screen).expect("strings serialize"));
}
