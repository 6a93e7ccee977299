using System.Globalization;

namespace CardKit.Hosting.Doctor.Checks;

/// <summary>
/// USB smart-card readers: every USB interface of class 0x0B (CCID, USB CCID 1.1 §4.3) under
/// SYSFS/bus/usb/devices, and any device a driver bundle lists; whether pcscd's USB driver lists it
/// (pcscd loads a driver only for the vendor/product ids in its Info.plist), whether pcscd shows it
/// as a reader, and if not, which process has its device node /dev/bus/usb/BBB/DDD open.
/// </summary>
internal sealed class UsbReadersCheck : IDoctorCheck
{
    private const string SmartCardClass = "0b";

    public string Id => "usb-readers";

    public async Task<DoctorCheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (!LinuxOnly.Applies)
            return LinuxOnly.Skip(Id, "listing USB readers through sysfs");
        var devicesDir = Path.Combine(context.Options.SysfsRoot, "bus", "usb", "devices");
        if (!Directory.Exists(devicesDir))
            return DoctorCheckResult.Skipped(Id, $"no USB bus here ({devicesDir} does not exist)");
        var installation = await context.Installation.ConfigureAwait(false);
        var dropDir = installation.Feature("usbdropdir") ?? "/usr/lib/pcsc/drivers";
        var drivers = ReaderDriver.ReadAll(dropDir);
        var readers = await context.Readers.ConfigureAwait(false);
        var processes = await context.Processes.ConfigureAwait(false);

        var devices = UsbDevice.ReadAll(devicesDir);
        var evidence = new List<string>
        {
            drivers.Count == 0 ? $"no USB reader driver in {dropDir}" : $"drivers in {dropDir}: {string.Join(", ", drivers.Select(d => $"{d.Describe()} ({d.Readers.Count} readers)"))}",
        };
        var worst = DoctorStatus.Ok;
        string? fix = null;
        var readerCount = 0;
        var others = 0;
        foreach (var device in devices)
        {
            var listing = drivers.Select(d => (Driver: d, Name: d.Lists(device.Vendor, device.Product))).FirstOrDefault(x => x.Name is not null);
            if (!device.IsCcid && listing.Driver is null)
            {
                others++;
                continue;
            }
            readerCount++;
            var what = $"{device.Name} {device.Ids} \"{device.Label}\"";
            if (listing.Driver is null)
            {
                evidence.Add($"{what}: CCID interface, but no driver lists {device.Ids} ({string.Join(", ", drivers.Select(d => d.Describe()))}): pcscd ignores it");
                (worst, fix) = Worst(worst, fix, DoctorStatus.Fail, $"{SystemCommands.Install("libccid", "pcsc-lite-ccid", "ccid")} (a newer libccid may list {device.Ids}); a CCID-compliant reader can also be added to "
                    + $"{Path.Combine(dropDir, "ifd-ccid.bundle", "Contents", "Info.plist")}: ifdVendorID 0x{device.Vendor:X4}, ifdProductID 0x{device.Product:X4}, ifdFriendlyName \"{device.Label}\", then restart pcscd");
                continue;
            }
            var shown = readers.Readers.FirstOrDefault(r => r.Name.StartsWith(listing.Name!, StringComparison.OrdinalIgnoreCase)
                || (device.Label.Length > 0 && r.Name.Contains(device.Label, StringComparison.OrdinalIgnoreCase)));
            if (shown is not null)
            {
                evidence.Add($"{what}: listed by {listing.Driver.Describe()} as \"{listing.Name}\"; pcscd shows it as \"{shown.Name}\"");
                continue;
            }
            var holders = device.Node is null ? [] : processes.HoldingFile(device.Node).Where(p => p.Name != "pcscd").ToList();
            if (holders.Count > 0)
            {
                evidence.Add($"{what}: listed by {listing.Driver.Describe()} as \"{listing.Name}\"; pcscd does not show it: {device.Node} is open in {string.Join(", ", holders.Select(h => h.Describe()))}");
                (worst, fix) = Worst(worst, fix, DoctorStatus.Fail, holders[0].Name == "scdaemon"
                    ? "add the line `disable-ccid` to scdaemon.conf, then: gpgconf --kill scdaemon"
                    : $"stop {holders[0].Describe()} (it has the reader's USB device open), then replug the reader");
            }
            else
            {
                evidence.Add($"{what}: listed by {listing.Driver.Describe()} as \"{listing.Name}\"; pcscd does not show it"
                    + (readers.Available ? "" : " (pcscd is not reachable)"));
                (worst, fix) = Worst(worst, fix, DoctorStatus.Warn,
                    $"replug the reader or restart pcscd ({SystemCommands.StartPcscd(installation.Executable)} after stopping it); pcscd's log says why it was not added");
            }
        }
        if (others > 0)
            evidence.Add($"{others} other USB device{(others == 1 ? "" : "s")} (not smart-card readers)");
        var summary = readerCount == 0 ? "no USB smart-card reader is plugged in"
            : worst == DoctorStatus.Ok ? $"{readerCount} USB reader{(readerCount == 1 ? "" : "s")}, each listed by its driver and shown by pcscd"
            : worst == DoctorStatus.Fail ? $"{readerCount} USB reader{(readerCount == 1 ? "" : "s")}; at least one cannot work: see the evidence"
            : $"{readerCount} USB reader{(readerCount == 1 ? "" : "s")}; pcscd does not show every one";
        return new DoctorCheckResult(Id, worst, summary, evidence, worst == DoctorStatus.Ok ? null : fix);
    }

    /// <summary>The worse of two verdicts with its fix; at equal verdicts the first fix stays.</summary>
    private static (DoctorStatus, string?) Worst(DoctorStatus worst, string? fix, DoctorStatus status, string statusFix) =>
        status > worst ? (status, statusFix) : (worst, fix ?? statusFix);

    /// <summary>A USB device as sysfs shows it (Documentation/ABI/stable/sysfs-bus-usb).</summary>
    private sealed record UsbDevice(string Name, int Vendor, int Product, string Label, bool IsCcid, string? Node)
    {
        public string Ids => $"{Vendor:x4}:{Product:x4}";

        public static List<UsbDevice> ReadAll(string devicesDir)
        {
            var entries = Directory.EnumerateFileSystemEntries(devicesDir).Select(Path.GetFileName).OfType<string>().ToList();
            var ccid = entries.Where(e => e.Contains(':', StringComparison.Ordinal) && Attribute(Path.Combine(devicesDir, e), "bInterfaceClass") == SmartCardClass)
                .Select(e => e[..e.IndexOf(':', StringComparison.Ordinal)])
                .ToHashSet(StringComparer.Ordinal);
            var devices = new List<UsbDevice>();
            foreach (var name in entries.Where(e => !e.Contains(':', StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var dir = Path.Combine(devicesDir, name);
                if (!ReaderDriver.TryHex(Attribute(dir, "idVendor") ?? "", out var vendor) || !ReaderDriver.TryHex(Attribute(dir, "idProduct") ?? "", out var product))
                    continue;
                var label = string.Join(' ', new[] { Attribute(dir, "manufacturer"), Attribute(dir, "product") }.Where(s => !string.IsNullOrEmpty(s)));
                string? node = null;
                if (int.TryParse(Attribute(dir, "busnum"), NumberStyles.None, CultureInfo.InvariantCulture, out var bus)
                    && int.TryParse(Attribute(dir, "devnum"), NumberStyles.None, CultureInfo.InvariantCulture, out var dev))
                    node = string.Create(CultureInfo.InvariantCulture, $"/dev/bus/usb/{bus:D3}/{dev:D3}");
                devices.Add(new UsbDevice(name, vendor, product, label, ccid.Contains(name), node));
            }
            return devices;
        }

        private static string? Attribute(string dir, string name)
        {
            try
            {
                var path = Path.Combine(dir, name);
                return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
