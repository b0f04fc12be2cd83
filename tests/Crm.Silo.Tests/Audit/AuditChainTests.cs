using Crm.Silo.Infrastructure.Audit;
using Xunit;

namespace Crm.Silo.Tests.Audit;

/// <summary>The chain's hash encoding: stable across releases (stored hashes depend on it) and unambiguous.</summary>
public sealed class AuditChainTests
{
    // Computed outside .NET (Python hashlib) from the documented encoding: u32-BE-length-prefixed UTF-8 strings
    // ("crm-audit-chain/v1", prev hash, workspace, stream id), i64-BE version, prefixed event id ("D" form), type,
    // data, actor, then i64-BE Unix microseconds and position.
    private const string PinnedHash = "d7092f31876f410e44f441f9b1c87fefe7ec02c3406892213368958b1ec148b8";

    private static readonly Guid EventId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    [Fact]
    public void Hash_KnownRow_MatchesThePinnedValue()
    {
        // Pinned: changing the encoding would make every hash already stored look tampered with.
        var hash = AuditChain.Hash(AuditChain.Genesis, "demo/conversation/c-1", 3, EventId, "MessagePosted", "{\"body\":\"hi ✓\"}", "agent:alex", 1_741_064_767_890_123, 42);

        Assert.Equal(PinnedHash, hash);
    }

    [Fact]
    public void Hash_TextMovedAcrossAFieldBoundary_Differs()
    {
        var a = AuditChain.Hash(AuditChain.Genesis, "ws/s/1", 1, EventId, "Typeab", "c", "actor", 0, 1);
        var b = AuditChain.Hash(AuditChain.Genesis, "ws/s/1", 1, EventId, "Typea", "bc", "actor", 0, 1);

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Hash_EachFieldChanged_Differs()
    {
        var baseline = Hash();
        string[] variants =
        [
            Hash(prev: "1" + AuditChain.Genesis[1..]), Hash(stream: "ws/s/2"), Hash(version: 2), Hash(id: Guid.Empty),
            Hash(type: "U"), Hash(data: "{ }"), Hash(actor: "b"), Hash(micros: 1), Hash(position: 2),
        ];

        Assert.All(variants, v => Assert.NotEqual(baseline, v));
        Assert.Equal(variants.Length, variants.Distinct().Count());
    }

    [Theory]
    [InlineData("demo/conversation/c-1", "demo")]
    [InlineData("demo/workspace/demo", "demo")]
    [InlineData("solo", "solo")]
    public void WorkspaceOf_StreamId_IsTheFirstSegment(string streamId, string workspace) =>
        Assert.Equal(workspace, AuditChain.WorkspaceOf(streamId));

    private static string Hash(
        string prev = AuditChain.Genesis,
        string stream = "ws/s/1",
        long version = 1,
        Guid? id = null,
        string type = "T",
        string data = "{}",
        string actor = "a",
        long micros = 0,
        long position = 1) =>
        AuditChain.Hash(prev, stream, version, id ?? EventId, type, data, actor, micros, position);
}
