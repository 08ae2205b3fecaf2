//! The native modules' Python halves, frozen: code objects compiled and
//! marshalled by build.rs (which lists them), run by `prelude::run`.

include!(concat!(env!("OUT_DIR"), "/frozen_consts.rs"));
