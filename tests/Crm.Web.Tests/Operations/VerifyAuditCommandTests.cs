using System.Diagnostics;
using Crm.Testing.Hosts;
using Crm.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Crm.Web.Tests.Operations;

/// <summary>
/// `dotnet Crm.Web.dll verify-audit` as an operator runs it: on the data folder a real Crm.Web wrote, the chain holds;
/// after one stored row is edited behind the app's back, the command fails naming that row's position.
/// </summary>
public sealed class VerifyAuditCommandTests : IDisposable
{
    private readonly TempFolder _data = new("audit");

    [Fact]
    public async Task VerifyAudit_AfterTheAppWrote_HoldsAndAfterARowIsEdited_FailsAtItsPosition()
    {
        var settings = new Dictionary<string, string?> { ["Crm:DataPath"] = _data.Path };
        await using (var app = await CrmProcess.StartAsync("Crm.Web", settings))
        {
            using var alex = await ConsoleClient.SignInAsync(app.BaseAddress, DemoUsers.Agent);
            var conversationId = (await alex.Http.OpenFreshConversationAsync("audit")).ConversationId;
            for (var i = 0; i < 5; i++)
            {
                await alex.Http.PostMessageAsync(conversationId, $"audit-probe-{i}");
            }
        }

        var intact = await RunVerifyAuditAsync(_data.Path);

        Assert.True(intact.ExitCode == 0, intact.Output);
        Assert.Matches(@"audit chain holds: \d+ events in \d+ workspaces checked", intact.Output);
        Assert.Contains($"workspace {DemoUsers.Workspace}: ", intact.Output);

        var tampered = await EditMessageBodyAsync(Path.Combine(_data.Path, "events.db"), "audit-probe-3", "nothing to see here");
        var broken = await RunVerifyAuditAsync(_data.Path);

        Assert.True(broken.ExitCode == 1, broken.Output);
        Assert.Contains($"audit chain BROKEN in workspace {DemoUsers.Workspace} at position {tampered}", broken.Output);
        Assert.Contains("row content changed", broken.Output);
    }

    [Fact]
    public async Task VerifyAudit_NoEventStoreInTheFolder_ExitsTwoAndCreatesNothing()
    {
        var result = await RunVerifyAuditAsync(_data.Path);

        Assert.True(result.ExitCode == 2, result.Output);
        Assert.Contains("cannot read the event store", result.Output);
        Assert.Empty(Directory.GetFileSystemEntries(_data.Path));
    }

    public void Dispose() => _data.Dispose();

    /// <summary>Rewrites the body of the one message event holding <paramref name="marker"/>; returns its position.</summary>
    private static async Task<long> EditMessageBodyAsync(string databasePath, string marker, string replacement)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var find = connection.CreateCommand();
        find.CommandText = "SELECT position FROM events WHERE instr(data, $marker) > 0";
        find.Parameters.AddWithValue("$marker", marker);
        var position = (long)(await find.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No event holds {marker}."));

        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE events SET data = replace(data, $marker, $replacement) WHERE position = $position";
        update.Parameters.AddWithValue("$marker", marker);
        update.Parameters.AddWithValue("$replacement", replacement);
        update.Parameters.AddWithValue("$position", position);
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
        return position;
    }

    private static async Task<(int ExitCode, string Output)> RunVerifyAuditAsync(string dataPath)
    {
        var (exitCode, output, errors) = await CrmCommand.RunAsync("verify-audit", dataPath);
        return (exitCode, $"{output}\n{errors}");
    }
}
