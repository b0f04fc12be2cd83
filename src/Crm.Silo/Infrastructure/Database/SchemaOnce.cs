namespace Crm.Silo.Infrastructure.Database;

/// <summary>
/// A store's tables, created once per store instance: the first connection to open creates them while the others wait,
/// and later opens pay one volatile read.
/// </summary>
public sealed class SchemaOnce
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private bool created;

    public async Task EnsureAsync(Func<CancellationToken, Task> create, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref created)) return;
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (created) return;
            await create(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref created, true);
        }
        finally
        {
            gate.Release();
        }
    }
}
