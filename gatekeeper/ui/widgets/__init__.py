"""Self-contained widgets and helpers the step screens use.

``signature_pad`` (the pledge's signature), ``notice_print`` (the notice on paper or
as a PDF), ``outcome_sound`` (the short sound of an outcome) and ``pin_dialog``
(leaving kiosk mode). None of them knows the gate process: they show and collect.
"""
