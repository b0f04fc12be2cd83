using Crm.Web.Hosting;
using Crm.Web.Operations;

namespace Crm.Web;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        // Operator commands run instead of the app: no host, no silo, no seeding.
        if (args is [AuditCommand.Name, ..]) return await AuditCommand.RunAsync(args);
        if (args is [AuthorizationMatrixCommand.Name, ..]) return await AuthorizationMatrixCommand.RunAsync(args);
        if (args is [ReindexCommand.Name, ..]) return await ReindexCommand.RunAsync(args);

        var builder = WebApplication.CreateBuilder(args);
        builder.AddCrmWeb();

        var app = builder.Build();
        app.MapCrmEndpoints();
        await app.RunAsync();
        return 0;
    }
}
