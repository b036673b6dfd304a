//! Hash routes, so any static host serves every page from one index.html.

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Summary,
    Aeis,
    Aei(String),
    Integrity,
    Structure,
    Versions,
    Document(String),
    Informe,
    Recommendations,
    Data,
}

impl Route {
    /// The route a location hash names; unknown hashes open the summary.
    pub fn parse(hash: &str) -> Self {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.splitn(2, '/');
        match (parts.next(), parts.next()) {
            (Some("aei"), Some(code)) if !code.is_empty() => Route::Aei(decode(code)),
            (Some("aei"), _) => Route::Aeis,
            (Some("integridad"), _) => Route::Integrity,
            (Some("estructura"), _) => Route::Structure,
            (Some("versiones"), _) => Route::Versions,
            (Some("documento"), Some(code)) if !code.is_empty() => Route::Document(decode(code)),
            (Some("informe"), _) => Route::Informe,
            (Some("recomendaciones"), _) => Route::Recommendations,
            (Some("datos"), _) => Route::Data,
            _ => Route::Summary,
        }
    }

    /// The href of the route.
    pub fn href(&self) -> String {
        match self {
            Route::Summary => "#/".to_string(),
            Route::Aeis => "#/aei".to_string(),
            Route::Aei(code) => format!("#/aei/{}", js_sys::encode_uri_component(code)),
            Route::Integrity => "#/integridad".to_string(),
            Route::Structure => "#/estructura".to_string(),
            Route::Versions => "#/versiones".to_string(),
            Route::Document(code) => format!("#/documento/{}", js_sys::encode_uri_component(code)),
            Route::Informe => "#/informe".to_string(),
            Route::Recommendations => "#/recomendaciones".to_string(),
            Route::Data => "#/datos".to_string(),
        }
    }
}

fn decode(text: &str) -> String {
    js_sys::decode_uri_component(text).ok().and_then(|s| s.as_string()).unwrap_or_else(|| text.to_string())
}
