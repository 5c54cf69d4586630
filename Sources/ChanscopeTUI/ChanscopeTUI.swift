/// The terminal UI.
public enum ChanscopeTUIModule {}
