//! The live set of services and the devices made of them, with stable ids and the
//! Added/Changed/Removed events between two states. Pure: fed by the browser.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::recognize::{device_id, group_key_refs, recognize, ServiceKey, ServiceRecord};
use super::{DiscoveredDevice, DiscoveryEvent};

/// Most services kept at once (a hostile network could announce without end).
pub const MAX_SERVICES: usize = 4096;

/// Builds a device from its services with the given id.
pub fn build_device(id: String, services: Vec<ServiceRecord>) -> DiscoveredDevice {
    let r = recognize(&services);
    let mut services = services;
    services.sort_by(|a, b| a.fullname.cmp(&b.fullname));
    DiscoveredDevice {
        id,
        supported: r.vendor.supported(),
        vendor: r.vendor,
        model: r.model,
        host_name: r.host_name,
        addresses: r.addresses,
        admin_url: r.admin_url,
        mac: r.mac,
        capabilities: r.capabilities,
        services,
    }
}

/// Merges services into devices, with fresh ids (see [`super::recognize::device_id`]),
/// ordered by id.
pub fn merge_services(services: &[ServiceRecord]) -> Vec<DiscoveredDevice> {
    let mut st = DeviceSet::default();
    for s in services {
        let key = s.fullname.to_ascii_lowercase();
        st.services.insert(key, (s.clone(), ServiceKey::of(s)));
    }
    st.rebuild();
    st.snapshot()
}

/// Services by lower-case full name, and the devices made of them.
#[derive(Default, Debug)]
pub struct DeviceSet {
    services: BTreeMap<String, (ServiceRecord, ServiceKey)>,
    devices: BTreeMap<String, DiscoveredDevice>,
    /// Service (lower-case full name) -> id of the device it belonged to.
    owner: HashMap<String, String>,
    /// Services added, changed or removed since the last rebuild.
    dirty: HashSet<String>,
}

/// One change the browser saw, for [`DeviceSet::apply`].
#[derive(Debug, Clone, PartialEq)]
pub enum ServiceChange {
    /// A service was resolved (again).
    Resolved(ServiceRecord),
    /// A service was removed (goodbye or TTL lapsed), by full name.
    Removed(String),
}

impl DeviceSet {
    /// A service was resolved (again). Returns the resulting events.
    pub fn upsert(&mut self, s: ServiceRecord) -> Vec<DiscoveryEvent> {
        self.apply(vec![ServiceChange::Resolved(s)])
    }

    /// A service was removed (goodbye or TTL lapsed). Returns the resulting events.
    pub fn remove(&mut self, fullname: &str) -> Vec<DiscoveryEvent> {
        self.apply(vec![ServiceChange::Removed(fullname.to_string())])
    }

    /// Several changes at once, with one regrouping: what a burst of answers (a
    /// network of hundreds of devices answering one query) costs once, not once per
    /// answer. The events are those of the state after every change (a device added
    /// and changed within the batch is one `Added`).
    pub fn apply(&mut self, changes: Vec<ServiceChange>) -> Vec<DiscoveryEvent> {
        for c in changes {
            match c {
                ServiceChange::Resolved(s) => {
                    let key = s.fullname.to_ascii_lowercase();
                    if self.services.get(&key).map(|(r, _)| r) == Some(&s) {
                        continue;
                    }
                    if !self.services.contains_key(&key) && self.services.len() >= MAX_SERVICES {
                        tracing::warn!(service = %s.fullname, "discovery: too many services, ignoring");
                        continue;
                    }
                    let k = ServiceKey::of(&s);
                    self.services.insert(key.clone(), (s, k));
                    self.dirty.insert(key);
                }
                ServiceChange::Removed(fullname) => {
                    let key = fullname.to_ascii_lowercase();
                    if self.services.remove(&key).is_some() {
                        self.dirty.insert(key);
                    }
                }
            }
        }
        if self.dirty.is_empty() {
            return Vec::new();
        }
        self.rebuild()
    }

    pub fn snapshot(&self) -> Vec<DiscoveredDevice> {
        self.devices.values().cloned().collect()
    }

    /// Regroups every service; a device keeps the id it had when any of its services
    /// already belonged to a device (so a device does not flap as its services arrive).
    /// Devices whose services did not change are reused as they were.
    fn rebuild(&mut self) -> Vec<DiscoveryEvent> {
        let names: Vec<&String> = self.services.keys().collect();
        let keys: Vec<&ServiceKey> = self.services.values().map(|(_, k)| k).collect();
        let records: Vec<&ServiceRecord> = self.services.values().map(|(r, _)| r).collect();
        let groups = group_key_refs(&keys);
        // Devices whose services did not change move over as they are (no copy, no
        // comparison): with hundreds of devices, regrouping costs little per answer.
        let mut previous = std::mem::take(&mut self.devices);
        let mut kept: HashSet<String> = HashSet::new();
        let mut claimed: HashSet<String> = HashSet::new();
        let mut next: BTreeMap<String, DiscoveredDevice> = BTreeMap::new();
        let mut owner: HashMap<String, String> = HashMap::new();
        // Groups holding more services pick their inherited id first.
        let mut order: Vec<&Vec<usize>> = groups.iter().collect();
        order.sort_by_key(|g| std::cmp::Reverse(g.len()));
        for g in order {
            let mut inherited: Vec<&String> = g
                .iter()
                .filter_map(|&i| self.owner.get(names[i]))
                .filter(|id| !claimed.contains(*id))
                .collect();
            inherited.sort();
            // Unchanged: every service had this id, none is dirty, same number of services.
            let unchanged = inherited.first().and_then(|id| {
                let old = previous.get(*id)?;
                let same = old.services.len() == g.len()
                    && g.iter().all(|&i| {
                        !self.dirty.contains(names[i]) && self.owner.get(names[i]) == Some(*id)
                    });
                if same {
                    previous.remove(*id)
                } else {
                    None
                }
            });
            let device = match unchanged {
                Some(d) => {
                    kept.insert(d.id.clone());
                    d
                }
                None => {
                    let svcs: Vec<ServiceRecord> = g.iter().map(|&i| records[i].clone()).collect();
                    let id = match inherited.first() {
                        Some(id) => (*id).clone(),
                        None => {
                            let base = device_id(&recognize(&svcs), &svcs);
                            let mut id = base.clone();
                            let mut n = 2;
                            while claimed.contains(&id)
                                || previous.contains_key(&id)
                                || kept.contains(&id)
                            {
                                id = format!("{base}#{n}");
                                n += 1;
                            }
                            id
                        }
                    };
                    build_device(id, svcs)
                }
            };
            claimed.insert(device.id.clone());
            for &i in g {
                owner.insert(names[i].clone(), device.id.clone());
            }
            next.insert(device.id.clone(), device);
        }
        let mut events = Vec::new();
        for id in previous.keys() {
            if !next.contains_key(id) {
                events.push(DiscoveryEvent::Removed { id: id.clone() });
            }
        }
        for (id, d) in &next {
            if kept.contains(id) {
                continue;
            }
            match previous.get(id) {
                None => events.push(DiscoveryEvent::Added(d.clone())),
                Some(old) if old != d => events.push(DiscoveryEvent::Changed(d.clone())),
                Some(_) => {}
            }
        }
        self.devices = next;
        self.owner = owner;
        self.dirty.clear();
        events
    }
}
