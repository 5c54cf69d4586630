/// The experiment engine: presets, worker threads, the sampler and the recorder.
///
/// Placeholder so the `screen` branch builds on its own; dropped at merge.
public enum ChanscopeEngineModule {}
