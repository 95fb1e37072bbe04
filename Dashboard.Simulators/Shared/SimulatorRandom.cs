namespace Dashboard.Simulators.Shared;

/// <summary>
/// Deterministic pseudo-random generator (SplitMix64) for simulators. Unlike <see cref="Random"/> and
/// <see cref="HashCode"/> its sequence is fixed by the seed on every platform and runtime version, and it is
/// cheap enough to seed one per record, so that a record's values do not depend on how many others came first.
/// Not thread-safe and not for security.
/// </summary>
public sealed class SimulatorRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A generator for one independent stream (one record, one process) of a simulator's seed.</summary>
    public static SimulatorRandom For(long seed, long stream) => new(Mix((ulong)seed ^ Mix((ulong)stream + 0x632BE59BD9B4E019UL)));

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(NextDouble() * maxExclusive);
    }

    /// <summary>Uniform in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Uniform(double min, double max) => min + (NextDouble() * (max - min));

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Exponentially distributed with the given mean (waiting times of a Poisson process).</summary>
    public double Exponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    /// <summary>Standard normal (Box–Muller).</summary>
    public double Normal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Log-normal with the given median and shape: durations with a long right tail.</summary>
    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    public T Pick<T>(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items[Next(items.Count)];
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>A fixed set of values with relative weights, picked in O(log n).</summary>
public sealed class WeightedChoice<T>
{
    private readonly T[] _values;
    private readonly double[] _cumulative;

    public WeightedChoice(IEnumerable<(T Value, double Weight)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.Where(e => e.Weight > 0).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one entry needs a positive weight.", nameof(entries));
        }
        _values = [.. list.Select(e => e.Value)];
        _cumulative = new double[list.Count];
        var sum = 0.0;
        for (var i = 0; i < list.Count; i++)
        {
            sum += list[i].Weight;
            _cumulative[i] = sum;
        }
    }

    public IReadOnlyList<T> Values => _values;

    /// <summary>The share of <paramref name="index"/>'s weight in the total.</summary>
    public double Share(int index) =>
        (_cumulative[index] - (index == 0 ? 0 : _cumulative[index - 1])) / _cumulative[^1];

    public T Pick(SimulatorRandom random) => _values[PickIndex(random)];

    public int PickIndex(SimulatorRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var x = random.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, x);
        // BinarySearch gives the complement of the first larger element when x falls between two sums.
        i = i < 0 ? ~i : i + 1;
        return Math.Min(i, _values.Length - 1);
    }
}
