using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Microstructure.Cli.Tests.Browser;

/// <summary>
/// Debian's chromium, headless, driven over the Chrome DevTools Protocol (a WebSocket, no package): open a page,
/// collect its console errors and uncaught exceptions, evaluate script, take a screenshot. Every wait is bounded and
/// the browser process (with its children) is killed on every path by <see cref="Dispose"/>.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    /// <summary>The browser the CI installs (<c>apt-get install -y chromium</c>); MICRO_CHROMIUM overrides it.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("MICRO_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<int, TaskCompletionSource<JsonObject>> _pending = [];
    private readonly List<string> _errors = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextId;
    private Task? _reader;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Console errors, uncaught exceptions and failed loads seen so far.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_gate)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>Starts the browser on a new empty profile and attaches to its page.</summary>
    /// <exception cref="InvalidOperationException">The browser is missing or did not come up in time (the message says how to install it).</exception>
    public static async Task<HeadlessChromium> StartAsync(int width, int height)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"The browser check needs chromium at {ExecutablePath}: install it with 'apt-get update && apt-get install -y chromium' (or set MICRO_CHROMIUM).");
        }

        string profile = Directory.CreateTempSubdirectory("ms-chromium-").FullName;
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // Without the networking flags it waits on refused connections; root needs --no-sandbox.
        foreach (string arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-dev-shm-usage", "--hide-scrollbars",
            "--remote-debugging-port=0", $"--user-data-dir={profile}", $"--window-size={width},{height}", "about:blank",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {ExecutablePath}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var browser = new HeadlessChromium(process, profile);
        try
        {
            await browser.AttachAsync().ConfigureAwait(false);
            return browser;
        }
        catch
        {
            browser.Dispose();
            throw;
        }
    }

    /// <summary>Opens <paramref name="url"/> and waits for its load event.</summary>
    public async Task NavigateAsync(string url)
    {
        _loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url }).ConfigureAwait(false);
        await _loaded.Task.WaitAsync(CommandTimeout).ConfigureAwait(false);
    }

    /// <summary>Evaluates a JavaScript expression (promises awaited) and returns its value as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        JsonObject result = await SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true,
        }).ConfigureAwait(false);
        if (result["exceptionDetails"] is JsonObject exception)
        {
            throw new InvalidOperationException($"Evaluating the check script failed: {exception.ToJsonString()}");
        }

        return result["result"]?["value"]?.DeepClone();
    }

    /// <summary>A PNG of the whole page (the viewport is grown to the page's height, at most <paramref name="maxHeight"/>).</summary>
    public async Task<byte[]> ScreenshotAsync(int width, int maxHeight)
    {
        JsonObject metrics = await SendAsync("Page.getLayoutMetrics", []).ConfigureAwait(false);
        double contentHeight = metrics["cssContentSize"]?["height"]?.GetValue<double>() ?? maxHeight;
        int height = (int)Math.Min(maxHeight, Math.Ceiling(contentHeight));
        await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject
        {
            ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false,
        }).ConfigureAwait(false);
        // Let the responsive charts settle at the new size.
        await EvaluateAsync("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300))))").ConfigureAwait(false);
        JsonObject shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" }).ConfigureAwait(false);
        return Convert.FromBase64String(shot["data"]!.GetValue<string>());
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _socket.Dispose();
        _process.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A leftover profile in the temp folder is harmless.
        }
    }

    private async Task AttachAsync()
    {
        // Chromium writes the port it picked (first line) into DevToolsActivePort in the profile.
        string portFile = Path.Combine(_profile, "DevToolsActivePort");
        var clock = Stopwatch.StartNew();
        int port = 0;
        while (port == 0)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{ExecutablePath} exited with code {_process.ExitCode} before it opened its debugging port.");
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException($"{ExecutablePath} did not open its debugging port within 30 s.");
            }

            if (File.Exists(portFile) && File.ReadAllLines(portFile) is [var first, ..] && int.TryParse(first, out int p))
            {
                port = p;
            }
            else
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        string? pageSocket = null;
        while (pageSocket is null)
        {
            var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list")).ConfigureAwait(false))!.AsArray();
            pageSocket = targets.FirstOrDefault(t => t?["type"]?.GetValue<string>() == "page")?["webSocketDebuggerUrl"]?.GetValue<string>();
            if (pageSocket is null)
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new InvalidOperationException("Chromium showed no page target within 30 s.");
                }

                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        using var connect = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _socket.ConnectAsync(new Uri(pageSocket), connect.Token).ConfigureAwait(false);
        _reader = Task.Run(ReadLoopAsync);
        await SendAsync("Runtime.enable", []).ConfigureAwait(false);
        await SendAsync("Log.enable", []).ConfigureAwait(false);
        await SendAsync("Page.enable", []).ConfigureAwait(false);
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject parameters)
    {
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        int id;
        lock (_gate)
        {
            id = ++_nextId;
            _pending[id] = reply;
        }

        byte[] message = Encoding.UTF8.GetBytes(new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters }.ToJsonString());
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, timeout.Token).ConfigureAwait(false);
        try
        {
            JsonObject response = await reply.Task.WaitAsync(CommandTimeout).ConfigureAwait(false);
            if (response["error"] is JsonNode error)
            {
                throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}");
            }

            return response["result"] as JsonObject ?? [];
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Chromium did not answer {method} within {CommandTimeout.TotalSeconds:0} s.");
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[1 << 20];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                WebSocketReceiveResult result = await _socket.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var json = JsonNode.Parse(message.GetBuffer().AsSpan(0, (int)message.Length))!.AsObject();
                message.SetLength(0);
                Dispatch(json);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The browser went away or we stopped: pending commands time out with their own message.
        }
    }

    private void Dispatch(JsonObject json)
    {
        if (json["id"] is JsonNode idNode)
        {
            TaskCompletionSource<JsonObject>? reply;
            lock (_gate)
            {
                _pending.Remove(idNode.GetValue<int>(), out reply);
            }

            reply?.TrySetResult(json);
            return;
        }

        JsonObject parameters = json["params"] as JsonObject ?? [];
        string method = json["method"]?.GetValue<string>() ?? "";
        if (method == "Page.loadEventFired")
        {
            _loaded.TrySetResult();
        }
        else if (method == "Runtime.exceptionThrown")
        {
            JsonNode? details = parameters["exceptionDetails"];
            AddError("uncaught exception: " + (details?["exception"]?["description"] ?? details?["text"]));
        }
        else if (method == "Runtime.consoleAPICalled")
        {
            string type = parameters["type"]?.GetValue<string>() ?? "";
            if (type is "error" or "assert")
            {
                JsonArray args = parameters["args"] as JsonArray ?? [];
                AddError("console." + type + ": " + string.Join(" ", args.Select(Describe)));
            }
        }
        else if (method == "Log.entryAdded" && parameters["entry"] is JsonObject entry && entry["level"]?.GetValue<string>() == "error")
        {
            AddError("log (" + entry["source"] + "): " + entry["text"] + " " + entry["url"]);
        }
    }

    private static string Describe(JsonNode? remoteObject) =>
        remoteObject is null ? "" : (remoteObject["value"] ?? remoteObject["description"])?.ToString() ?? "";

    private void AddError(string error)
    {
        lock (_gate)
        {
            _errors.Add(error);
        }
    }
}
