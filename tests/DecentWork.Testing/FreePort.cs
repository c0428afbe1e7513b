using System.Net;
using System.Net.Sockets;

namespace DecentWork.Testing;

/// <summary>A loopback port nobody listens on right now; services are told it explicitly so tests know which is which.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
