namespace DecentWork.Portal.Gateway;

/// <summary>
/// The user's access token is missing or expired and the refresh token no longer buys a new one:
/// the session has ended and the user signs in again (see SessionEnded in the layout).
/// </summary>
public sealed class SessionExpiredException() : Exception("The session has ended; sign in again.");
