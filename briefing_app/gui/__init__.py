"""The Qt layer: widgets, item models and background tasks over the core."""
