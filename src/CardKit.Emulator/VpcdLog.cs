using Microsoft.Extensions.Logging;

namespace CardKit.Emulator;

/// <summary>What a <see cref="VpcdClient"/> logs (source-generated: no boxing, AOT-safe).</summary>
internal static partial class VpcdLog
{
    [LoggerMessage(1, LogLevel.Information, "vpcd {Host}:{Port}: connected, card '{Kind}' inserted")]
    public static partial void Connected(ILogger logger, string host, int port, string kind);

    [LoggerMessage(2, LogLevel.Information, "vpcd {Host}:{Port}: connection closed, reconnecting")]
    public static partial void Reconnecting(ILogger logger, string host, int port);

    [LoggerMessage(3, LogLevel.Warning, "vpcd {Host}:{Port}: {Reason}")]
    public static partial void ConnectionLost(ILogger logger, string host, int port, string reason);

    [LoggerMessage(4, LogLevel.Warning, "vpcd {Host}:{Port}: unknown control byte {Code:X2} ignored")]
    public static partial void UnknownControl(ILogger logger, string host, int port, byte code);

    [LoggerMessage(5, LogLevel.Error, "vpcd {Host}:{Port}: the virtual card failed on {Command}; answered 6F 00")]
    public static partial void CardFailed(ILogger logger, string host, int port, string command, Exception exception);
}
