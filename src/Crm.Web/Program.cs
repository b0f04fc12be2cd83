using Crm.Web.Hosting;

namespace Crm.Web;

internal static class Program
{
    private static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddCrmWeb();

        var app = builder.Build();
        app.MapCrmEndpoints();
        app.Run();
    }
}
