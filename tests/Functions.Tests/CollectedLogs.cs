using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SithSynth.Functions.Tests;

/// <summary>
/// A logger factory that keeps every entry with the scope fields active when it was written, as Application Insights
/// records them (each scope's key/value pairs become custom dimensions).
/// </summary>
internal sealed class CollectedLogs : ILoggerFactory, ILoggerProvider
{
    private readonly AsyncLocal<Scope?> _scope = new();

    public sealed record Entry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Fields);

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public IReadOnlyList<Entry> Of<T>() => [.. Entries.Where(e => e.Category == typeof(T).FullName)];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Scope(CollectedLogs owner, Scope? parent, object? state) : IDisposable
    {
        public Scope? Parent => parent;

        public object? State => state;

        public void Dispose() => owner._scope.Value = parent;
    }

    private sealed class Logger(CollectedLogs owner, string category) : ILogger
    {
        public IDisposable BeginScope<TState>(TState state)
            where TState : notnull
        {
            var scope = new Scope(owner, owner._scope.Value, state);
            owner._scope.Value = scope;
            return scope;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var scope = owner._scope.Value; scope is not null; scope = scope.Parent)
            {
                if (scope.State is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, value) in pairs)
                    {
                        fields.TryAdd(key, value);
                    }
                }
            }

            if (state is IEnumerable<KeyValuePair<string, object?>> own)
            {
                foreach (var (key, value) in own)
                {
                    fields[key] = value;
                }
            }

            owner.Entries.Enqueue(new Entry(category, logLevel, eventId, formatter(state, exception), fields));
        }
    }
}
