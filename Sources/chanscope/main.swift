/// Placeholder entry point so the `screen` branch builds on its own; dropped at merge.
print("chanscope: placeholder")
