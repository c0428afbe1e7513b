namespace DecentWork.ServiceDefaults;

/// <summary>
/// A business rule refused a change (a lifecycle step out of order, a reference the service does
/// not know). The message is for the caller: it says what is missing. Maps to FAILED_PRECONDITION.
/// </summary>
public class DomainRuleException(string message) : Exception(message);
