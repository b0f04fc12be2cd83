using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Crm.Benchmarks.Chat;

/// <summary>
/// One visitor connection, owning many conversations (one token may start many). Sends wait on <see cref="Online"/>
/// while the connection is away, then resend with the same client message id.
/// </summary>
public sealed class VisitorClient : IAsyncDisposable
{
    private volatile TaskCompletionSource _online = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _reconnects;

    private VisitorClient(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    /// <summary>Completes while the connection is up; a new, pending task while it reconnects.</summary>
    public Task Online => _online.Task;

    public int Reconnects => Volatile.Read(ref _reconnects);

    public static async Task<VisitorClient> ConnectAsync(ChatTarget target, int index, MessageLedger ledger)
    {
        var token = await target.CreateVisitorAsync(index);
        var connection = ChatConnection.Build(target, target.VisitorHubPath, token, cookies: null);
        var client = new VisitorClient(connection);
        connection.On<string, ChatWire.SentMessage>(ChatWire.MessagePosted, (_, _) => ledger.Echoed());
        connection.Reconnecting += _ =>
        {
            if (client._online.Task.IsCompleted) client._online = new(TaskCreationOptions.RunContinuationsAsynchronously);
            return Task.CompletedTask;
        };
        connection.Reconnected += _ =>
        {
            Interlocked.Increment(ref client._reconnects);
            client._online.TrySetResult();
            return Task.CompletedTask;
        };
        connection.Closed += error =>
        {
            client._online.TrySetException(error ?? new InvalidOperationException("The visitor connection closed."));
            return Task.CompletedTask;
        };
        await connection.StartAsync();
        client._online.TrySetResult();
        return client;
    }

    public Task StartConversationAsync(string conversationId) =>
        Connection.InvokeAsync<ChatWire.StartedConversation>(ChatWire.StartConversation, new ChatWire.StartChat(conversationId, "Bench visitor", null));

    /// <summary>
    /// Sends one message; returns its committed seq. <paramref name="trailingNulls"/> pads the arguments for a server
    /// whose SendMessage takes more (optional) parameters: SignalR binds by exact argument count.
    /// </summary>
    public async Task<long> SendAsync(string conversationId, Guid clientMessageId, string body, int trailingNulls)
    {
        object?[] arguments = trailingNulls == 0
            ? [conversationId, clientMessageId, body, "Bench visitor"]
            : [conversationId, clientMessageId, body, "Bench visitor", .. new object?[trailingNulls]];
        var sent = (ChatWire.SentMessage?)await Connection.InvokeCoreAsync(ChatWire.SendMessage, typeof(ChatWire.SentMessage), arguments);
        return sent?.Seq ?? throw new InvalidOperationException("SendMessage returned nothing.");
    }

    /// <summary>
    /// How many trailing parameters past (conversationId, clientMessageId, body, displayName) the server's SendMessage
    /// declares, found by sending to a conversation that does not exist: a wrong argument count fails to bind (a
    /// generic "Failed to invoke" error), the right one reaches the hub method and its "does not exist" answer.
    /// </summary>
    public async Task<int> ProbeSendArityAsync()
    {
        for (var padding = 0; padding <= 3; padding++)
        {
            try
            {
                await SendAsync("bench-no-such-conversation", Guid.NewGuid(), "probe", padding);
                return padding;
            }
            catch (HubException ex) when (!ex.Message.StartsWith($"Failed to invoke '{ChatWire.SendMessage}'", StringComparison.Ordinal))
            {
                return padding;
            }
            catch (HubException)
            {
                // Did not bind: try one more argument.
            }
        }
        return 0;
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
