using System.Collections.Concurrent;
using System.Diagnostics;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// The product as a separate process (<c>dotnet Dashboard.Web.dll</c> from its own build output, Development so that the
/// static assets and demo users are there), configured through environment variables, with its console output kept.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private NodeProcess(string name, Process process, Uri root)
    {
        Name = name;
        _process = process;
        Root = root;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public Uri Root { get; }

    public int ProcessId => _process.Id;

    /// <summary>How the node appears in the run ledger (<c>IngestRun.Node</c>: host name and process id).</summary>
    public string LedgerNode => $"{Environment.MachineName}:{_process.Id}";

    public IReadOnlyList<string> Output => [.. _output];

    public int CountLines(string contains) => _output.Count(l => l.Contains(contains, StringComparison.Ordinal));

    /// <summary>The Dashboard.Web.dll built beside this test assembly's configuration (Debug or Release).</summary>
    public static string WebAssembly
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = testBin.Name;
            var configuration = testBin.Parent!.Name;
            for (var dir = testBin; dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
                {
                    return Path.Combine(dir.FullName, "Dashboard.Web", "bin", configuration, framework, "Dashboard.Web.dll");
                }
            }
            throw new InvalidOperationException("Dashboard.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static NodeProcess Start(string name, int port, IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        var root = new Uri($"http://127.0.0.1:{port}/");
        var process = Process.Start(Info(settings, args, root)) ?? throw new InvalidOperationException($"{name} did not start");
        return new NodeProcess(name, process, root);
    }

    /// <summary>Runs a command of the product (e.g. <c>migrate</c>) to its end; returns the exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        using var process = Process.Start(Info(settings, args, null)) ?? throw new InvalidOperationException("command did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Waits until <c>/healthz</c> answers 200 (the database is reachable and the node serves).</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Root, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{string.Join('\n', Output.TakeLast(40))}");
            }
            try
            {
                using var response = await http.GetAsync("healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{Name} not healthy within {timeout}:\n{string.Join('\n', Output.TakeLast(40))}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static ProcessStartInfo Info(IReadOnlyDictionary<string, string?> settings, string[] args, Uri? root)
    {
        var assembly = WebAssembly;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(assembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        if (root is not null)
        {
            info.Environment["ASPNETCORE_URLS"] = root.GetLeftPart(UriPartial.Authority);
        }
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }
        return info;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
