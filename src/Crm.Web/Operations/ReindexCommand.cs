using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Search;
using Crm.Grains.Search;
using Crm.Silo.Infrastructure.EventStore;
using Crm.Silo.Infrastructure.Search;

namespace Crm.Web.Operations;

/// <summary>
/// <c>reindex</c>: rebuilds the search index from the event store into a new index and swaps it in. For a node that is
/// stopped (or Elasticsearch, which a running cluster shares): a running node owns its Lucene index, and then the
/// command says to use the admin button (Admin → Search) instead. Exit codes: 0 rebuilt, 2 store or engine unreadable,
/// 3 the index is held by a running node.
/// </summary>
internal static class ReindexCommand
{
    public const string Name = "reindex";

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = OperatorConfiguration.Build(args.Skip(1).ToArray());
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        var services = new ServiceCollection().AddSingleton(loggers).AddCrmEventStore(configuration).BuildServiceProvider();
        await using var _ = services.ConfigureAwait(false);
        try
        {
            var options = SearchOptions.FromConfiguration(configuration);
            var index = SearchServiceCollectionExtensions.CreateIndex(options, loggers);
            try
            {
                Console.WriteLine($"rebuilding the {options.Provider} search index from the event store");
                var rebuilder = new SearchRebuilder(services.GetRequiredService<IEventStore>(), index, TimeProvider.System, loggers.CreateLogger<SearchRebuilder>());
                var documents = await rebuilder.RunAsync(CancellationToken.None).ConfigureAwait(false);
                Console.WriteLine($"search index rebuilt: {documents} documents");
                return 0;
            }
            finally
            {
                (index as IDisposable)?.Dispose();
            }
        }
        catch (SearchUnavailableException exception) when (exception.Message.Contains("another process", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync(
                "Crm.Web is running on this data folder and owns its search index: rebuild it from the console (Admin → Search) " +
                "or POST /api/admin/search/rebuild as an admin.").ConfigureAwait(false);
            return 3;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            await Console.Error.WriteLineAsync($"cannot rebuild the search index: {exception.Message}").ConfigureAwait(false);
            return 2;
        }
    }
}
