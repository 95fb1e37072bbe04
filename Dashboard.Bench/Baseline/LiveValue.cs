namespace Dashboard.Bench.Baseline;

/// <summary>The value the baseline's live page shows; <see cref="Set"/> pushes it to every open page.</summary>
public static class LiveValue
{
    public static double Current { get; private set; }

    public static event Action<double>? Changed;

    public static void Set(double value)
    {
        Current = value;
        Changed?.Invoke(value);
    }
}
