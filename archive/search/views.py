from django.shortcuts import render


def search(request):
    # Replaced by the full-text search of issue 4.
    return render(request, "search/search.html", {"query": request.GET.get("q", "")})
