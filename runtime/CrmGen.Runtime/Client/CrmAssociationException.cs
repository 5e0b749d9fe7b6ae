using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmGen;

/// <summary>
/// A unified association create (<see cref="AssociationsClient.CreateAsync"/>) stopped at a link
/// the provider refused or that could not be sent. Links are made one after another; this
/// exception says which were made before the failure (<see cref="CompletedLinks"/>), which one
/// failed (<see cref="FailedLink"/>) and which were never attempted (<see cref="NotAttemptedLinks"/>).
/// The cause (usually a <see cref="CrmProviderException"/>) is the <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class CrmAssociationException : CrmException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="completedLinks">The links made before the failure, in order (with the provider's id and raw response where it gave them).</param>
    /// <param name="failedLink">The link that failed.</param>
    /// <param name="notAttemptedLinks">The links after the failed one, never sent.</param>
    /// <param name="inner">The cause.</param>
    public CrmAssociationException(
        string provider,
        IReadOnlyList<AssociationLink> completedLinks,
        AssociationLink failedLink,
        IReadOnlyList<AssociationLink> notAttemptedLinks,
        Exception inner)
        : base(BuildMessage(provider, completedLinks, failedLink, notAttemptedLinks, inner), inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Provider = provider;
        CompletedLinks = completedLinks;
        FailedLink = failedLink;
        NotAttemptedLinks = notAttemptedLinks;
    }

    /// <summary>The provider name.</summary>
    public string Provider { get; }

    /// <summary>The links made before the failure, in the order they were made.</summary>
    public IReadOnlyList<AssociationLink> CompletedLinks { get; }

    /// <summary>The link that failed (as requested).</summary>
    public AssociationLink FailedLink { get; }

    /// <summary>The links that came after the failed one and were never sent.</summary>
    public IReadOnlyList<AssociationLink> NotAttemptedLinks { get; }

    private static string BuildMessage(
        string provider,
        IReadOnlyList<AssociationLink> completed,
        AssociationLink failed,
        IReadOnlyList<AssociationLink> notAttempted,
        Exception inner)
    {
        var total = completed.Count + 1 + notAttempted.Count;
        var made = completed.Count == 0
            ? "no link was made"
            : $"{completed.Count} of {total} links were made ({string.Join(", ", completed.Select(Describe))})";
        return $"Linking {Describe(failed)} on provider '{provider}' failed; {made}, {notAttempted.Count} not attempted: {inner.Message}";
    }

    private static string Describe(AssociationLink link) => $"{link.Entity} {link.EntityId} → {link.Target} {link.TargetId}";
}
