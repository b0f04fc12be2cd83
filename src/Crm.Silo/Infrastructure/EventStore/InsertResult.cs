namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>
/// The positions of the planned writes that went in, in order, and the index of the write a unique constraint
/// refused (null when all went in). Writes after a refused one were not attempted.
/// </summary>
internal sealed record InsertResult(IReadOnlyList<long[]> Positions, int? RefusedIndex);
