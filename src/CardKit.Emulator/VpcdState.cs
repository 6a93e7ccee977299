namespace CardKit.Emulator;

/// <summary>Where a <see cref="VpcdClient"/> is in its life.</summary>
public enum VpcdState
{
    /// <summary>Trying to reach vpcd (pcscd not running yet, or restarting).</summary>
    Connecting,
    /// <summary>Connected: pcscd sees the card in the reader.</summary>
    Connected,
    /// <summary>Stopped for good (disposed or <see cref="VpcdClient.Disconnect"/> called).</summary>
    Stopped,
}
