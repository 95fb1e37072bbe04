using Dashboard.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddDashboard();

var app = builder.Build();
if (await app.RunCommandAsync(args))
{
    return;
}
await app.UseDashboardAsync();
await app.RunAsync();

/// <summary>Entry point; public so that integration tests can host the app.</summary>
public partial class Program;
