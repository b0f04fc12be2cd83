using Crm.Grains.Abstractions.Imports;

namespace Crm.Grains.Imports.Kinds;

/// <summary>
/// What a kind of record other than customers (companies, deals) brings to the one import pipeline: its targets, the
/// header suggestions, the mapping check, and the rows' decisions. The file, the dry run, the batches, the committed
/// offset and the resume are the pipeline's (ImportGrain); customers keep their own faster writer there.
/// </summary>
public interface IImportKind
{
    string Name { get; }

    IReadOnlyList<string> Fields { get; }

    /// <summary>The field each target must have mapped (a company's name, a deal's title).</summary>
    string Required { get; }

    /// <summary>A target per header cell from its words, or ignore; each target once.</summary>
    IReadOnlyList<string> Suggest(IReadOnlyList<string> headers);

    /// <summary>Reads what the rows are checked against (stored companies, customers, pipelines) and returns the decider.</summary>
    Task<IImportRows> PrepareAsync(IGrainFactory grains, ImportScope scope, IReadOnlyList<string> mapping, DuplicateMode mode);
}
