//! audit: the data of figure provenance across revisions — the claims ledger an auditor
//! keeps (CSV or an Excel workbook), the claims changed between two revisions, and the
//! baseline of accepted findings. Rendering them is `report`'s job.

pub mod baseline;
pub mod decisions;
pub mod diff;
pub mod ledger;
pub mod xlsx;
