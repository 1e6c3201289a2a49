//! A system library loaded at run time (`libloading`), its file names tried in turn, most
//! specific first: how libheif and Hunspell are found without a build-time dependency.

// Loading only; each library's calls and their reasoning are in its own module.
#![allow(unsafe_code)]

/// The first of `names` that loads, or why the last one did not.
pub(super) fn open_first(names: &[&str]) -> Result<libloading::Library, String> {
    let mut last = String::new();
    for name in names {
        // SAFETY: the libraries daybook loads (libheif, Hunspell) run no initialiser with
        // preconditions when loaded.
        match unsafe { libloading::Library::new(name) } {
            Ok(lib) => return Ok(lib),
            Err(e) => last = e.to_string(),
        }
    }
    Err(last)
}
