"""LMEC platform: the open platform of the Lancang-Mekong Environmental Cooperation."""

__version__ = "0.1.0"
