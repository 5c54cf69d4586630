/// The experiment engine: presets, worker threads, sampler, recorder.
public enum ChanscopeEngineModule {}
