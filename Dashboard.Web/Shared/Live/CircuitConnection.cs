using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Dashboard.Web.Shared.Live;

/// <summary>
/// Whether this circuit's browser is connected. A tab that closes, sleeps or loses the network leaves its circuit
/// disconnected for up to the retention period (three minutes by default) before it is disposed; calls into the browser
/// meanwhile only wait for their timeout. A component that calls JavaScript on a timer (the wall's watchdog) asks first,
/// and notes the loss once through <see cref="Lost"/> rather than logging every failed call.
/// </summary>
public sealed class CircuitConnection : CircuitHandler
{
    /// <summary>False from the moment the browser's connection drops until it comes back.</summary>
    public bool IsUp { get; private set; } = true;

    /// <summary>Raised once each time the connection drops.</summary>
    public event Action? Lost;

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (IsUp)
        {
            IsUp = false;
            Lost?.Invoke();
        }
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        IsUp = true;
        return Task.CompletedTask;
    }
}
