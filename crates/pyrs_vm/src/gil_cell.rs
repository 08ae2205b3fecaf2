//! `GilCell`: interior mutability for object state guarded by the GIL, as CPython's
//! object fields are. Cheaper than `RefCell` and with no borrow flag to panic on.
//!
//! The one rule (the "no borrow across Python" invariant): a reference obtained
//! from `get`/`get_mut` is dropped before anything runs that may call back into
//! Python code or touch the same cell again (a `__eq__`, `__hash__`, `__del__`,
//! a decref that may free an object). Copy out what you need, then call.

use std::cell::UnsafeCell;

pub struct GilCell<T>(UnsafeCell<T>);

impl<T> GilCell<T> {
    pub const fn new(value: T) -> Self {
        GilCell(UnsafeCell::new(value))
    }

    #[inline(always)]
    pub fn get(&self) -> &T {
        // SAFETY: single-threaded under the GIL; see the module rule.
        unsafe { &*self.0.get() }
    }

    #[inline(always)]
    #[allow(clippy::mut_from_ref)] // the GIL is the borrow checker here; see the module rule
    pub fn get_mut(&self) -> &mut T {
        // SAFETY: single-threaded under the GIL; see the module rule.
        unsafe { &mut *self.0.get() }
    }

    /// Swap in a new value and return the old one, so that the old one is dropped
    /// (possibly running `__del__`) after the cell is consistent again.
    pub fn replace(&self, value: T) -> T {
        std::mem::replace(self.get_mut(), value)
    }
}

impl<T: Clone> GilCell<T> {
    pub fn cloned(&self) -> T {
        self.get().clone()
    }
}

impl<T: Default> Default for GilCell<T> {
    fn default() -> Self {
        GilCell::new(T::default())
    }
}
