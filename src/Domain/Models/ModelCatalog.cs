using System.Collections.Concurrent;

namespace SithSynth.Domain.Models;

/// <summary>
/// The models in a folder (one sub-folder per model, each with a model.json). Cards are read and checked up front;
/// ONNX sessions are created on first use and then shared for the life of the process. A folder whose card is
/// broken is kept out, and its reason is reported.
/// </summary>
public sealed class ModelCatalog : IDisposable
{
    private readonly Dictionary<string, ModelCard> _cards;
    private readonly ConcurrentDictionary<string, Lazy<OnnxNextTokenModel>> _loaded = new(StringComparer.Ordinal);
    private readonly OnnxModelOptions _options;

    private ModelCatalog(string directory, Dictionary<string, ModelCard> cards, Dictionary<string, string> refused, OnnxModelOptions options)
    {
        Directory = directory;
        _cards = cards;
        Refused = refused;
        _options = options;
    }

    /// <summary>Where the program's own copy of the shipped models sits.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "models");

    public string Directory { get; }

    public IReadOnlyList<ModelCard> Cards => [.. _cards.Values.OrderBy(c => c.Name, StringComparer.Ordinal)];

    /// <summary>Model folders that were found but cannot be used, with the reason.</summary>
    public IReadOnlyDictionary<string, string> Refused { get; }

    public static ModelCatalog Load(string directory, OnnxModelOptions? options = null)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The models folder '{directory}' does not exist.");
        }

        var cards = new Dictionary<string, ModelCard>(StringComparer.Ordinal);
        var refused = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in System.IO.Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
        {
            if (!File.Exists(Path.Combine(folder, ModelCard.FileName)))
            {
                continue;
            }

            try
            {
                var card = ModelCard.Load(folder);
                cards[card.Name] = card;
            }
            catch (ModelCardException e)
            {
                refused[Path.GetFileName(folder)] = e.Message;
            }
        }

        return new ModelCatalog(directory, cards, refused, options ?? new OnnxModelOptions());
    }

    public bool TryGetCard(string name, out ModelCard card) => _cards.TryGetValue(name, out card!);

    /// <summary>The named model, loaded once; throws <see cref="ModelCardException"/> when its files cannot be run.</summary>
    public INextTokenModel Model(string name)
    {
        if (!_cards.TryGetValue(name, out var card))
        {
            throw new KeyNotFoundException($"There is no model '{name}' in '{Directory}'.");
        }

        return _loaded.GetOrAdd(name, _ => new Lazy<OnnxNextTokenModel>(() => new OnnxNextTokenModel(card, _options))).Value;
    }

    public void Dispose()
    {
        foreach (var model in _loaded.Values.Where(l => l.IsValueCreated))
        {
            model.Value.Dispose();
        }
    }
}
