//! The `dict` table: insertion-ordered entries plus an open-addressing index, the
//! layout of CPython's compact dict (Objects/dictobject.c). Lookups that need a
//! Python-level `__eq__` go through `Vm`, in `crate::protocol::dict_*`; this file
//! holds the table and the probes that need no Python code.

use crate::value::Value;
use std::sync::atomic::{AtomicU64, Ordering};

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    /// `Value::Null` marks a deleted entry, skipped by iteration.
    pub key: Value,
    pub value: Value,
}

#[derive(Default)]
pub struct DictData {
    indices: Vec<u32>,
    entries: Vec<Entry>,
    used: usize,
    /// Changes whenever the set of keys (or their positions) changes, never
    /// for a value update. Drawn from one global counter, as CPython 3.11's
    /// dict versions are, so a version names one state of one dict: inline
    /// caches (LOAD_GLOBAL) can trust an entry index while it holds.
    pub version: u64,
}

/// What a probe found for a key, before any Python-level comparison.
pub enum Probe {
    /// The entry with an identical key (or an equal str/int).
    Found(usize),
    /// Entries whose hash matches but whose equality needs `__eq__`.
    Candidates(Vec<usize>),
}

/// The last version handed out; 0 is the version of every new, empty dict.
static DICT_VERSION: AtomicU64 = AtomicU64::new(0);

impl DictData {
    fn bump_version(&mut self) {
        self.version = DICT_VERSION.fetch_add(1, Ordering::Relaxed) + 1;
    }

    pub fn new() -> DictData {
        DictData::default()
    }

    pub fn with_capacity(n: usize) -> DictData {
        let mut d = DictData::default();
        if n > 0 {
            d.entries.reserve(n);
            d.resize_index(index_size_for(n));
        }
        d
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.key.is_null())
    }

    /// The entry slot vector, including deleted ones (for index-based iterators).
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn entry(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i).filter(|e| !e.key.is_null())
    }

    pub fn entry_mut(&mut self, i: usize) -> Option<&mut Entry> {
        self.entries.get_mut(i).filter(|e| !e.key.is_null())
    }

    fn probe_seq(&self, hash: i64) -> impl Iterator<Item = usize> + '_ {
        let mask = self.indices.len().wrapping_sub(1);
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut first = true;
        std::iter::from_fn(move || {
            if !first {
                perturb >>= PERTURB_SHIFT;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(perturb as usize)
                    .wrapping_add(1))
                    & mask;
            }
            first = false;
            Some(i)
        })
    }

    /// Probe for `key`. `same` decides equality without Python code where it can
    /// (`Some(bool)`), or defers (`None`), which yields a candidate.
    pub fn probe(
        &self,
        key: &Value,
        hash: i64,
        same: impl Fn(&Value, &Value) -> Option<bool>,
    ) -> Probe {
        let mut candidates = Vec::new();
        if self.indices.is_empty() {
            return Probe::Candidates(candidates);
        }
        for slot in self.probe_seq(hash) {
            match self.indices[slot] {
                EMPTY => break,
                DUMMY => continue,
                ix => {
                    let e = &self.entries[ix as usize];
                    if e.hash == hash {
                        if e.key.is(key) {
                            return Probe::Found(ix as usize);
                        }
                        match same(&e.key, key) {
                            Some(true) => return Probe::Found(ix as usize),
                            Some(false) => {}
                            None => candidates.push(ix as usize),
                        }
                    }
                }
            }
        }
        Probe::Candidates(candidates)
    }

    /// The entry index of a str key, comparing by content (no Python code).
    pub fn find_str(&self, key: &str, hash: i64) -> Option<usize> {
        match self.probe(&Value::None, hash, |k, _| Some(k.as_str() == Some(key))) {
            Probe::Found(ix) => Some(ix),
            Probe::Candidates(_) => None,
        }
    }

    /// Append a new entry for a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        if (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.resize_index(index_size_for(self.used + 1));
        }
        let ix = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        let slot = self.free_slot(hash);
        self.indices[slot] = ix;
        self.used += 1;
        self.bump_version();
    }

    fn free_slot(&self, hash: i64) -> usize {
        for slot in self.probe_seq(hash) {
            if self.indices[slot] >= DUMMY {
                return slot;
            }
        }
        unreachable!("the index always has a free slot")
    }

    /// Remove entry `ix` and return its key and value (to be dropped by the
    /// caller once the table is consistent again).
    pub fn remove_entry(&mut self, ix: usize) -> Option<(Value, Value)> {
        let hash = self.entries.get(ix).filter(|e| !e.key.is_null())?.hash;
        let slot = self
            .probe_seq(hash)
            .find(|&s| self.indices[s] == ix as u32)?;
        self.indices[slot] = DUMMY;
        let e = &mut self.entries[ix];
        let key = std::mem::replace(&mut e.key, Value::Null);
        let value = std::mem::replace(&mut e.value, Value::Null);
        self.used -= 1;
        self.bump_version();
        Some((key, value))
    }

    /// Drop every entry; returns the old entries so their values are released
    /// after the dict is consistent.
    pub fn clear(&mut self) -> Vec<Entry> {
        self.indices.clear();
        self.used = 0;
        self.bump_version();
        std::mem::take(&mut self.entries)
    }

    /// Rebuild the index, compacting deleted entries away.
    fn resize_index(&mut self, size: usize) {
        self.entries.retain(|e| !e.key.is_null());
        self.indices = vec![EMPTY; size];
        for (ix, e) in self.entries.iter().enumerate() {
            let mask = size - 1;
            let mut perturb = e.hash as u64;
            let mut i = (e.hash as u64 as usize) & mask;
            while self.indices[i] != EMPTY {
                perturb >>= PERTURB_SHIFT;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(perturb as usize)
                    .wrapping_add(1))
                    & mask;
            }
            self.indices[i] = ix as u32;
        }
    }
}

/// The smallest power-of-two index (at least 8) that holds `n` entries at
/// CPython's 2/3 load factor, with room to grow.
fn index_size_for(n: usize) -> usize {
    let mut size = 8;
    while size * 2 <= n * 3 {
        size *= 2;
    }
    size * 2
}
