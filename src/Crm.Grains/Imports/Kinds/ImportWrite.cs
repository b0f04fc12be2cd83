namespace Crm.Grains.Imports.Kinds;

/// <summary>
/// One row's write through the record's own grain (the same command a single edit sends). <paramref name="TargetId"/>
/// orders writes: rows naming one record are written in file order, others concurrently. <paramref name="Updates"/>
/// says which count a refused write is taken from.
/// </summary>
public sealed record ImportWrite(long Line, string TargetId, bool Updates, Func<IGrainFactory, string, Task> WriteAsync);
