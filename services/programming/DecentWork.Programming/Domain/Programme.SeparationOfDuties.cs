namespace DecentWork.Programming.Domain;

/// <summary>Quality assurance is a second pair of eyes: whoever drafted or submitted a programme does not review it.</summary>
public sealed partial class Programme
{
    private void EnsureReviewerIsIndependent(string reviewer)
    {
        // Programmes registered or submitted before callers had tokens have no subject to compare.
        if (DraftedBy.Length > 0 && DraftedBy == reviewer)
            throw new SeparationOfDutiesException("separation of duties: the person who drafted the programme cannot review it.");
        // Submitters covers every submission; SubmittedBy alone, programmes submitted before it existed.
        if ((SubmittedBy.Length > 0 && SubmittedBy == reviewer) || Submitters.Contains(reviewer))
            throw new SeparationOfDutiesException("separation of duties: the person who submitted the programme for quality assurance cannot review it.");
    }
}

/// <summary>
/// The caller may hold the right role and still be the wrong person for this programme. Not a
/// lifecycle rule (nothing the programme lacks): the service answers PERMISSION_DENIED.
/// </summary>
public sealed class SeparationOfDutiesException(string message) : Exception(message);
