using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Infrastructure;

/// <summary>A fixed <see cref="IOptionsMonitor{T}"/> for constructing services by hand.</summary>
public sealed class TestOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
