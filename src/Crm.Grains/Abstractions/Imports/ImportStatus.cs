namespace Crm.Grains.Abstractions.Imports;

public enum ImportStatus
{
    /// <summary>Uploaded and read: columns, suggestions and a preview; nothing imported.</summary>
    Uploaded,

    /// <summary>Started: rows are being written batch by batch; survives a restart.</summary>
    Running,

    Completed,
}
