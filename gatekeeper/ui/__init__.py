"""Qt widgets: they show and collect, and hold no rule."""
