"""Gate devices on serial lines: thermometers that send readings, relays that open the
lane. Plain Python (pyserial), no Qt: the ui runs them on its own threads."""
