//! The part of libheif's C API daybook calls, bound at run time (`libloading`): the error
//! struct, enum values, the function table, and loading the library once.

// Declarations only; the calls and their reasoning are in `heif.rs`.
#![allow(unsafe_code)]

use std::ffi::{CStr, c_char, c_int, c_void};
use std::sync::OnceLock;

use super::codec_error::CodecError;
use super::dylib::LibraryError;

/// libheif's error struct, returned by value.
#[repr(C)]
pub(super) struct HeifError {
    pub code: c_int,
    pub subcode: c_int,
    pub message: *const c_char,
}

pub(super) const COLORSPACE_YCBCR: c_int = 0;
pub(super) const COLORSPACE_RGB: c_int = 1;
pub(super) const CHROMA_420: c_int = 1;
pub(super) const CHROMA_RGB: c_int = 10;
pub(super) const CHROMA_RGBA: c_int = 11;
pub(super) const CHANNEL_INTERLEAVED: c_int = 10;
pub(super) const CHANNEL_Y: c_int = 0;
pub(super) const CHANNEL_CB: c_int = 1;
pub(super) const CHANNEL_CR: c_int = 2;

/// `struct heif_color_profile_nclx` (ITU-T H.273 colour description).
#[repr(C)]
pub(super) struct Nclx {
    pub version: u8,
    pub color_primaries: c_int,
    pub transfer_characteristics: c_int,
    pub matrix_coefficients: c_int,
    pub full_range_flag: u8,
    pub primaries: [f32; 8],
}

pub(super) const fn fourcc(s: &[u8; 4]) -> c_int {
    i32::from_be_bytes(*s)
}

pub(super) type Ctx = c_void;
pub(super) type Handle = c_void;
pub(super) type Image = c_void;

/// The first version of `heif_security_limits` (libheif 1.19); later versions append
/// fields, so a pointer to a newer one may be written through this.
#[repr(C)]
pub(super) struct SecurityLimits {
    pub version: u8,
    pub max_image_size_pixels: u64,
    pub max_number_of_tiles: u64,
    pub max_bayer_pattern_pixels: u32,
    pub max_items: u32,
    pub max_color_profile_size: u32,
    pub max_memory_block_size: u64,
    pub max_components: u32,
    pub max_iloc_extents_per_item: u32,
    pub max_size_entity_group: u32,
    pub max_children_per_box: u32,
}

/// The functions daybook calls.
pub(super) struct Api {
    pub context_alloc: unsafe extern "C" fn() -> *mut Ctx,
    pub context_free: unsafe extern "C" fn(*mut Ctx),
    pub read_from_memory:
        unsafe extern "C" fn(*mut Ctx, *const c_void, usize, *const c_void) -> HeifError,
    pub primary_handle: unsafe extern "C" fn(*mut Ctx, *mut *mut Handle) -> HeifError,
    pub handle_release: unsafe extern "C" fn(*const Handle),
    pub handle_width: unsafe extern "C" fn(*const Handle) -> c_int,
    pub handle_height: unsafe extern "C" fn(*const Handle) -> c_int,
    pub handle_has_alpha: unsafe extern "C" fn(*const Handle) -> c_int,
    pub decode: unsafe extern "C" fn(
        *const Handle,
        *mut *mut Image,
        c_int,
        c_int,
        *const c_void,
    ) -> HeifError,
    pub image_release: unsafe extern "C" fn(*const Image),
    pub plane: unsafe extern "C" fn(*const Image, c_int, *mut c_int) -> *const u8,
    pub image_width: unsafe extern "C" fn(*const Image, c_int) -> c_int,
    pub image_height: unsafe extern "C" fn(*const Image, c_int) -> c_int,
    pub profile_type: unsafe extern "C" fn(*const Handle) -> c_int,
    pub raw_profile_size: unsafe extern "C" fn(*const Handle) -> usize,
    pub raw_profile: unsafe extern "C" fn(*const Handle, *mut c_void) -> HeifError,
    pub metadata_count: unsafe extern "C" fn(*const Handle, *const c_char) -> c_int,
    pub metadata_ids: unsafe extern "C" fn(*const Handle, *const c_char, *mut u32, c_int) -> c_int,
    pub metadata_size: unsafe extern "C" fn(*const Handle, u32) -> usize,
    pub metadata: unsafe extern "C" fn(*const Handle, u32, *mut c_void) -> HeifError,
    pub thumbnail_count: unsafe extern "C" fn(*const Handle) -> c_int,
    pub thumbnail_ids: unsafe extern "C" fn(*const Handle, *mut u32, c_int) -> c_int,
    pub thumbnail: unsafe extern "C" fn(*const Handle, u32, *mut *mut Handle) -> HeifError,
    pub nclx: unsafe extern "C" fn(*const Handle, *mut *mut Nclx) -> HeifError,
    pub nclx_free: unsafe extern "C" fn(*mut Nclx),
    pub bits_per_pixel_range: unsafe extern "C" fn(*const Image, c_int) -> c_int,
    pub chroma_format: unsafe extern "C" fn(*const Image) -> c_int,
    /// The coded size before crops and rotations (`ispe`), from libheif 1.14.
    pub ispe_width: Option<unsafe extern "C" fn(*const Handle) -> c_int>,
    pub ispe_height: Option<unsafe extern "C" fn(*const Handle) -> c_int>,
    /// The longest side libheif accepts in this context (from 1.6).
    pub set_max_size: unsafe extern "C" fn(*mut Ctx, c_int),
    /// The context's security limits, to be lowered in place (from 1.19).
    pub security_limits: Option<unsafe extern "C" fn(*const Ctx) -> *mut SecurityLimits>,
    /// Kept loaded for as long as the functions are used (the whole run).
    _lib: libloading::Library,
}

/// The library file names tried, most specific first.
pub(super) const LIBRARY_NAMES: &[&str] = &[
    "libheif.so.1",
    "libheif.so",
    "libheif.1.dylib",
    "libheif.dylib",
    "heif.dll",
    "libheif.dll",
];

fn load() -> Result<Api, LibraryError> {
    bind(super::dylib::open_first(LIBRARY_NAMES)?)
}

fn bind(lib: libloading::Library) -> Result<Api, LibraryError> {
    macro_rules! sym {
        ($name:literal) => {
            // SAFETY: the symbol's type is the one heif.h declares for it.
            *unsafe { lib.get($name) }.map_err(|e| LibraryError::missing(&e))?
        };
    }
    // `heif_init` exists from 1.13 and loads plugins; older versions need no call.
    // SAFETY: heif_init(NULL) takes no other arguments and is reference counted.
    if let Ok(init) =
        unsafe { lib.get::<unsafe extern "C" fn(*const c_void) -> HeifError>(b"heif_init\0") }
    {
        // SAFETY: as above.
        let _ = unsafe { init(std::ptr::null()) };
    }
    macro_rules! optional {
        ($name:literal) => {
            // SAFETY: as above; absent in older versions.
            unsafe { lib.get($name) }.ok().map(|f| *f)
        };
    }
    Ok(Api {
        ispe_width: optional!(b"heif_image_handle_get_ispe_width\0"),
        ispe_height: optional!(b"heif_image_handle_get_ispe_height\0"),
        set_max_size: sym!(b"heif_context_set_maximum_image_size_limit\0"),
        security_limits: optional!(b"heif_context_get_security_limits\0"),
        context_alloc: sym!(b"heif_context_alloc\0"),
        context_free: sym!(b"heif_context_free\0"),
        read_from_memory: sym!(b"heif_context_read_from_memory_without_copy\0"),
        primary_handle: sym!(b"heif_context_get_primary_image_handle\0"),
        handle_release: sym!(b"heif_image_handle_release\0"),
        handle_width: sym!(b"heif_image_handle_get_width\0"),
        handle_height: sym!(b"heif_image_handle_get_height\0"),
        handle_has_alpha: sym!(b"heif_image_handle_has_alpha_channel\0"),
        decode: sym!(b"heif_decode_image\0"),
        image_release: sym!(b"heif_image_release\0"),
        plane: sym!(b"heif_image_get_plane_readonly\0"),
        image_width: sym!(b"heif_image_get_width\0"),
        image_height: sym!(b"heif_image_get_height\0"),
        profile_type: sym!(b"heif_image_handle_get_color_profile_type\0"),
        raw_profile_size: sym!(b"heif_image_handle_get_raw_color_profile_size\0"),
        raw_profile: sym!(b"heif_image_handle_get_raw_color_profile\0"),
        metadata_count: sym!(b"heif_image_handle_get_number_of_metadata_blocks\0"),
        metadata_ids: sym!(b"heif_image_handle_get_list_of_metadata_block_IDs\0"),
        metadata_size: sym!(b"heif_image_handle_get_metadata_size\0"),
        metadata: sym!(b"heif_image_handle_get_metadata\0"),
        thumbnail_count: sym!(b"heif_image_handle_get_number_of_thumbnails\0"),
        thumbnail_ids: sym!(b"heif_image_handle_get_list_of_thumbnail_IDs\0"),
        thumbnail: sym!(b"heif_image_handle_get_thumbnail\0"),
        nclx: sym!(b"heif_image_handle_get_nclx_color_profile\0"),
        nclx_free: sym!(b"heif_nclx_color_profile_free\0"),
        bits_per_pixel_range: sym!(b"heif_image_get_bits_per_pixel_range\0"),
        chroma_format: sym!(b"heif_image_get_chroma_format\0"),
        _lib: lib,
    })
}

pub(super) fn api() -> Result<&'static Api, LibraryError> {
    static API: OnceLock<Result<Api, LibraryError>> = OnceLock::new();
    API.get_or_init(load).as_ref().map_err(Clone::clone)
}

/// libheif's answer as a result: its message when it failed.
pub(super) fn check(e: &HeifError) -> Result<(), CodecError> {
    if e.code == 0 {
        return Ok(());
    }
    let message = if e.message.is_null() {
        format!("libheif error {}", e.code)
    } else {
        // SAFETY: libheif's messages are static NUL-terminated strings.
        unsafe { CStr::from_ptr(e.message) }
            .to_string_lossy()
            .into_owned()
    };
    Err(CodecError::Decode(crate::i18n::Words::verbatim(message)))
}
