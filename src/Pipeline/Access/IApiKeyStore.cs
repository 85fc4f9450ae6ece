namespace SithSynth.Pipeline.Access;

/// <summary>Where API key entries live: the storage account the admission ledger uses (Blob), or a local folder for serve without Azure.</summary>
public interface IApiKeyStore
{
    /// <summary>Where the entries are, for the operator command's output.</summary>
    string Location { get; }

    /// <summary>Stores a new entry; false when one with its id exists already.</summary>
    Task<bool> CreateAsync(ApiKeyEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Writes over an existing entry (a revocation).</summary>
    Task ReplaceAsync(ApiKeyEntry entry, CancellationToken cancellationToken = default);

    Task<ApiKeyEntry?> FindAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApiKeyEntry>> ListAsync(CancellationToken cancellationToken = default);
}
