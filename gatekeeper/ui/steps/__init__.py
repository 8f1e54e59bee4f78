"""One page per step of the gate process; they share `base.KioskPage`."""
