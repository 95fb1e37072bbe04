using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Shared.Privacy;

public sealed class PseudonymizerTests
{
    private const string Nip = "198503122010011003";

    [Fact]
    public void Hash_IsStable_PerPurpose_AndDoesNotContainTheValue()
    {
        var p = new Pseudonymizer(new byte[32]);

        var a = p.Hash("nip", Nip);

        Assert.Equal(a, p.Hash("nip", " " + Nip + " "));
        Assert.NotEqual(a, p.Hash("npwpd", Nip));
        Assert.NotEqual(a, new Pseudonymizer(Enumerable.Repeat((byte)1, 32).ToArray()).Hash("nip", Nip));
        Assert.Matches("^p_[0-9a-f]{24}$", a);
        Assert.DoesNotContain(Nip[..8], a, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WithoutAKey_GeneratesOneOnceAndKeepsIt()
    {
        var root = Directory.CreateTempSubdirectory("dasbor-key-").FullName;
        try
        {
            var first = Build(root, key: null).Hash("nip", Nip);
            var second = Build(root, key: null).Hash("nip", Nip);

            Assert.Equal(first, second);
            Assert.True(File.Exists(Path.Combine(root, "data", "pseudonym.key")));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(root, "data", "pseudonym.key")));
            }
            Assert.NotEqual(first, Build(root, key: new string('k', 32)).Hash("nip", Nip));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static Pseudonymizer Build(string root, string? key)
    {
        var services = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new Env { ContentRootPath = root })
            .AddSingleton(Options.Create(new IngestOptions { PseudonymKey = key }))
            .BuildServiceProvider();
        return Pseudonymizer.Create(services);
    }

    private sealed class Env : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";
        public string ApplicationName { get; set; } = "test";
        public required string ContentRootPath { get; set; }
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
