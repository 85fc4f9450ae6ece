namespace SithSynth.Pipeline.Admission;

/// <summary>A shared counter stayed contended for every attempt: the service is saturated, and the request is refused (503).</summary>
public sealed class AdmissionContentionException(string bucket)
    : Exception($"The admission counter {bucket} was contended on every one of {BlobAdmissionLedger.MaxAttempts} attempts.");
