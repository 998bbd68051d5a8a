"""Build-time helpers for the Stop tienerpooiers site: one small module per job."""
