using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Grains.Abstractions.EventStore;

namespace Crm.Grains.EventSourcing;

/// <summary>
/// Versioned JSON for persisted events. The stored type name is the event's Orleans [Alias]
/// (e.g. "crm.conversations.message-posted.v1"), found once by scanning this assembly.
/// </summary>
public static class EventSerializer
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private static readonly FrozenDictionary<string, Type> TypesByName;
    private static readonly FrozenDictionary<Type, string> NamesByType;

    static EventSerializer()
    {
        var pairs = typeof(DomainEvent).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false } && t.IsSubclassOf(typeof(DomainEvent)))
            .Select(t => (Type: t, Name: t.GetCustomAttribute<AliasAttribute>()?.Alias
                ?? throw new InvalidOperationException($"Event {t.Name} needs an [Alias] naming its stored type.")))
            .ToList();
        TypesByName = pairs.ToFrozenDictionary(p => p.Name, p => p.Type);
        NamesByType = pairs.ToFrozenDictionary(p => p.Type, p => p.Name);
    }

    public static string TypeName(DomainEvent @event) => NamesByType[@event.GetType()];

    /// <summary>The stored type name of an event class, for readers that filter stored rows without deserializing them.</summary>
    public static string TypeName(Type eventType) => NamesByType[eventType];

    /// <summary>The stored type name of <typeparamref name="TEvent"/>: lets a reader skip other events without decoding them.</summary>
    public static string TypeName<TEvent>() where TEvent : DomainEvent => TypeName(typeof(TEvent));

    /// <summary>Time-ordered (v7) event ids: inserts land at the end of the id index instead of all over it (≈3× the append rate).</summary>
    public static EventData ToEventData(DomainEvent @event) =>
        new(Guid.CreateVersion7(), TypeName(@event), JsonSerializer.Serialize(@event, @event.GetType(), Json), @event.By, @event.At);

    /// <summary>With an id the caller chose: a writer that may repeat a batch after a crash (the import) makes the repeat a no-op.</summary>
    public static EventData ToEventData(DomainEvent @event, Guid eventId) =>
        new(eventId, TypeName(@event), JsonSerializer.Serialize(@event, @event.GetType(), Json), @event.By, @event.At);

    public static DomainEvent Deserialize(StoredEvent stored) =>
        TypesByName.TryGetValue(stored.Type, out var type)
            ? (DomainEvent)JsonSerializer.Deserialize(stored.Data, type, Json)!
            : throw new InvalidOperationException($"Unknown event type '{stored.Type}' at position {stored.Position}.");

    public static bool IsKnown(string typeName) => TypesByName.ContainsKey(typeName);
}
